-- bench-scale: catalog.toml's counts and sums written by hand as one query, for 2025H1 and its
-- base 2024H1, in total (or per office: bench-scale appends GROUP BY unit). Money in 分.
SELECT
  count(*) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30'),
  count(*) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30' AND category = '审查逮捕'),
  count(*) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30' AND category = '审查起诉'),
  count(*) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30' AND instr(category, '民事') > 0),
  count(*) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30' AND department = '第一检察部'),
  coalesce(sum(persons) FILTER (WHERE received_on BETWEEN '2025-01-01' AND '2025-06-30'), 0),
  count(*) FILTER (WHERE closed_on BETWEEN '2025-01-01' AND '2025-06-30'),
  count(*) FILTER (WHERE closed_on BETWEEN '2025-01-01' AND '2025-06-30' AND outcome = '不起诉'),
  coalesce(sum(recovered) FILTER (WHERE closed_on BETWEEN '2025-01-01' AND '2025-06-30'), 0),
  count(*) FILTER (WHERE filed_on BETWEEN '2025-01-01' AND '2025-06-30'),
  count(*) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30'),
  count(*) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30' AND category = '审查逮捕'),
  count(*) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30' AND category = '审查起诉'),
  count(*) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30' AND instr(category, '民事') > 0),
  count(*) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30' AND department = '第一检察部'),
  coalesce(sum(persons) FILTER (WHERE received_on BETWEEN '2024-01-01' AND '2024-06-30'), 0),
  count(*) FILTER (WHERE closed_on BETWEEN '2024-01-01' AND '2024-06-30'),
  count(*) FILTER (WHERE closed_on BETWEEN '2024-01-01' AND '2024-06-30' AND outcome = '不起诉'),
  coalesce(sum(recovered) FILTER (WHERE closed_on BETWEEN '2024-01-01' AND '2024-06-30'), 0),
  count(*) FILTER (WHERE filed_on BETWEEN '2024-01-01' AND '2024-06-30')
FROM records WHERE ledger = 'cases'
