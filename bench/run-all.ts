// `npm run bench`: every throughput figure in one run. Needs the local services (scripts/services up).
// Benchmarks, not tests: they print figures and never fail on a threshold.
import { runClassifyBench } from './classify-bench.js';
import { runPipelineBench } from './pipeline-bench.js';
import { formatStorageBench, runStorageBench } from './storage-bench.js';
import { formatExactlyOnceCost, runExactlyOnceCost } from './exactly-once-cost.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const classify = await runClassifyBench();
console.log('## classifier (in process)');
const times = (perSec: number, json: number) => `${(perSec / json).toFixed(2)}× JSON.parse`;
console.log(`sample traffic, JSON.parse:    ${fmt(classify.jsonParseTrafficPerSec)} events/s`);
console.log(`sample traffic, classify:      ${fmt(classify.classifyTrafficPerSec)} events/s (${times(classify.classifyTrafficPerSec, classify.jsonParseTrafficPerSec)})`);
console.log(`failure corpus, JSON.parse:    ${fmt(classify.jsonParsePerSec)} events/s`);
console.log(`failure corpus, classify:      ${fmt(classify.classifyPerSec)} events/s (${times(classify.classifyPerSec, classify.jsonParsePerSec)})`);
console.log(`cold (every text unseen):      ${fmt(classify.classifyColdPerSec)} events/s (${times(classify.classifyColdPerSec, classify.jsonParsePerSec)})`);

const pipeline = await runPipelineBench();
console.log(`\n## pipeline (${fmt(pipeline.events)} records, 1% invalid, 6 partitions, real Kafka and ClickHouse ${process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123'})`);
console.log(`no-op kafkajs eachBatch consumer: ${fmt(pipeline.noopPerSec)} events/s`);
console.log(`wsdiag run --drain:               ${fmt(pipeline.pipelinePerSec)} events/s (${pipeline.pipelineSeconds.toFixed(1)} s wall, incl. start-up, migrate and drain detection; ${fmt(pipeline.stored)} stored)`);
console.log(`pipeline / no-op:                 ${pipeline.ratio.toFixed(3)}`);

console.log('\n## storage: cost of idempotent rollups (ClickHouse at WSDIAG_CLICKHOUSE_URL)');
console.log(formatStorageBench(await runStorageBench()));

console.log('');
console.log(formatExactlyOnceCost(await runExactlyOnceCost()));
