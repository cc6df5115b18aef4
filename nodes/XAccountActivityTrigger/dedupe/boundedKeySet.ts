/**
 * A set that forgets its oldest keys beyond `capacity`. A JS Set keeps insertion order, so the
 * oldest key is its first: adding, checking and forgetting are each O(1), whatever the size.
 */
export class BoundedKeySet {
	private readonly keys = new Set<string>();

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.keys.size;
	}

	has(key: string): boolean {
		return this.keys.has(key);
	}

	/** True when the key was not there (it is now); a key seen again keeps its age. */
	add(key: string): boolean {
		if (this.keys.has(key)) return false;
		this.keys.add(key);
		if (this.keys.size > this.capacity) {
			const oldest = this.keys.values().next();
			if (!oldest.done) this.keys.delete(oldest.value);
		}
		return true;
	}
}

/** A map that forgets its least recently used entries beyond `capacity`; get and set are O(1). */
export class LruMap<V> {
	private readonly entries = new Map<string, V>();

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): V | undefined {
		const value = this.entries.get(key);
		if (value === undefined) return undefined;
		this.entries.delete(key);
		this.entries.set(key, value);
		return value;
	}

	/** Whether `key` is there, without making it recently used. */
	has(key: string): boolean {
		return this.entries.has(key);
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		if (this.entries.size > this.capacity) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) this.entries.delete(oldest.value);
		}
	}

	delete(key: string): void {
		this.entries.delete(key);
	}
}
