// The certificate forecast: days to expiry of every certificate in the chains presented to probes and
// clients (leaf and each issuer), read from the wsdiag.certificate_chain inventory. The panel and the
// alert rule embed these queries (checked by test/unit/dashboards/forecast-sql.test.ts).

/** Default alert threshold in days; the rule's threshold (C) is the knob (docs/probe.md). */
export const EXPIRY_WARN_DAYS = 14;

/** leaf (position 0), root (a self-signed issuer) or intermediate. */
const role = "if(position = 0, 'leaf', if(cert_self_signed = 1, 'root', 'intermediate'))";

/** Grafana table panel: one row per host, position and certificate seen during the time range. */
export function forecastPanelSql(db: string, filter = '1 = 1'): string {
  return `SELECT target_host, position, ${role} AS role, cert_subject, cert_issuer,
       toUInt64(toUInt32(cert_not_after)) * 1000 AS not_after_ms,
       floor((toInt64(toUInt32(cert_not_after)) - toInt64(toUInt32($__toTime))) / 86400) AS days_to_expiry,
       arrayStringConcat(arraySort(groupUniqArray(service)), ', ') AS services,
       toUInt64(toUInt32(maxMerge(last_seen))) * 1000 AS last_seen_ms
FROM ${db}.certificate_chain
WHERE ${filter}
GROUP BY target_host, position, cert_self_signed, cert_subject, cert_issuer, cert_not_after
HAVING maxMerge(last_seen) >= $__fromTime AND minMerge(first_seen) <= $__toTime
ORDER BY days_to_expiry, target_host, position, cert_subject
LIMIT 200`;
}

/**
 * Alert query: one instance per certificate (any host, any position) presented during the rule's
 * range and not yet expired; value = days until not_after from the evaluation time. Expired ones are
 * the cert-expired rule's (they fail handshakes).
 */
export function forecastAlertSql(db: string): string {
  return `SELECT role, cert_subject, cert_issuer, toString(cert_not_after, 'UTC') AS not_after, hosts,
       (toInt64(toUInt32(cert_not_after)) - toInt64(toUInt32($__toTime))) / 86400 AS value
FROM (
  SELECT ${role} AS role, cert_subject, cert_issuer, cert_not_after,
         arrayStringConcat(arraySort(groupUniqArray(target_host)), ', ') AS hosts,
         minMerge(first_seen) AS seen_first,
         maxMerge(last_seen) AS seen_last
  FROM ${db}.certificate_chain
  GROUP BY role, cert_subject, cert_issuer, cert_not_after
)
WHERE seen_first <= $__toTime AND seen_last >= $__fromTime AND cert_not_after > $__toTime
ORDER BY role, cert_subject, cert_issuer, not_after`;
}

/** The overview dashboard's service and region filters, as every one of its panels applies them. */
export const OVERVIEW_FILTERS = '$__conditionalAll(service IN (${service:singlequote}), $service) AND $__conditionalAll(region IN (${region:singlequote}), $region)';
