import { aaaSource } from './accountActivitySource';
import { ayrshareSource } from './ayrshareSource';
import type { TriggerSource } from './triggerSource';
import { xaaSource } from './activityApiSource';

export type SourceName = 'aaa' | 'xaa' | 'ayrshare';

export const SOURCES: Record<SourceName, TriggerSource> = {
	aaa: aaaSource,
	xaa: xaaSource,
	ayrshare: ayrshareSource,
};
