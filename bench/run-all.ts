// `npm run bench`: every throughput figure in one run. Needs the local services (scripts/services up).
// Benchmarks, not tests: they print figures and never fail on a threshold.
import { runClassifyBench } from './classify-bench.js';
import { formatLatencyBench, formatPipelineBench, runLatencyBench, runPipelineBench } from './pipeline-bench.js';
import { formatMemoryBench, runMemoryBench } from './memory-bench.js';
import { formatStorageBench, runStorageBench } from './storage-bench.js';
import { formatExactlyOnceCost, runExactlyOnceCost } from './exactly-once-cost.js';
import { formatMonthBench, runMonthBench } from './month-bench.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const classify = await runClassifyBench();
console.log('## classifier (in process; events/s, median of alternating rounds; each set in its own series against JSON.parse of its own lines)');
const times = (perSec: number, json: number) => `${(perSec / json).toFixed(2)}× JSON.parse`;
console.log(`sample traffic, JSON.parse:    ${fmt(classify.jsonParseTrafficPerSec)} events/s`);
console.log(`sample traffic, classify:      ${fmt(classify.classifyTrafficPerSec)} events/s (${times(classify.classifyTrafficPerSec, classify.jsonParseTrafficPerSec)})`);
console.log(`failure corpus, JSON.parse:    ${fmt(classify.jsonParsePerSec)} events/s`);
console.log(`failure corpus, classify:      ${fmt(classify.classifyPerSec)} events/s (${times(classify.classifyPerSec, classify.jsonParsePerSec)})`);
console.log(`cold, JSON.parse:              ${fmt(classify.jsonParseColdPerSec)} events/s`);
console.log(`cold (every text unseen):      ${fmt(classify.classifyColdPerSec)} events/s (${times(classify.classifyColdPerSec, classify.jsonParseColdPerSec)})`);

console.log('');
console.log(formatPipelineBench(await runPipelineBench()));
console.log(formatLatencyBench(await runLatencyBench()));
console.log('');
console.log(formatMemoryBench(await runMemoryBench()));

console.log('\n## storage: cost of idempotent rollups (ClickHouse at WSDIAG_CLICKHOUSE_URL)');
console.log(formatStorageBench(await runStorageBench()));

console.log('');
console.log(formatExactlyOnceCost(await runExactlyOnceCost()));

console.log('');
console.log(formatMonthBench(await runMonthBench()));
