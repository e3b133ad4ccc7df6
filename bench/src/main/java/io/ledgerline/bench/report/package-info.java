/** The report: figures, their ratios to the baseline, targets met or missed; as Markdown and JSON. */
package io.ledgerline.bench.report;
