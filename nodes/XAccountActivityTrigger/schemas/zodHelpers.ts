import { z } from 'zod';

/** X sends ids as strings or as (precision-losing) numbers; both are accepted and the `*_str` twin wins. */
export const idLike = z.union([z.string(), z.number()]);

/** Optional and tolerant of explicit `null`, which X sends for absent references. */
export const opt = <T extends z.ZodTypeAny>(schema: T) => schema.nullish();

/** Booleans that some documents show as the strings "true"/"false". */
export const boolLike = z
	.union([z.boolean(), z.enum(['true', 'false'])])
	.transform((v) => v === true || v === 'true');
