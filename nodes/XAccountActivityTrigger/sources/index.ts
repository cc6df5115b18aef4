import { aaaSource } from './aaa';
import { ayrshareSource } from './ayrshare';
import type { TriggerSource } from './types';
import { xaaSource } from './xaa';

export type SourceName = 'aaa' | 'xaa' | 'ayrshare';

export const SOURCES: Record<SourceName, TriggerSource> = {
	aaa: aaaSource,
	xaa: xaaSource,
	ayrshare: ayrshareSource,
};
