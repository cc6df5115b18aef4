import { aaaSource } from './aaa';
import type { TriggerSource } from './types';

export type SourceName = 'aaa';

export const SOURCES: Record<SourceName, TriggerSource> = {
	aaa: aaaSource,
};
