/** Lists users type comma-separated in a text field, or pass as an array by expression. */
export function toList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : String(value ?? '').split(',');
	return items.map((item) => String(item).trim()).filter(Boolean);
}
