/** The trigger options the Ayrshare route reads (contract names, docs/contract.md: `ayrshareActions`, `maxTimestampSkew`). */
export interface AyrshareTriggerOptions {
	ayrshareActions?: string[];
	/** Comma-separated action names newer than this node. */
	ayrshareOtherActions?: string;
	/** Comma-separated profile Ref IDs whose events pass; empty: all. */
	ayrshareRefIds?: string;
	/** Seconds; 0 turns the timestamp check off. */
	maxTimestampSkew?: number;
	deduplicate?: boolean;
}
