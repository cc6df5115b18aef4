import {
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { createReplayJob } from '../../../shared/api/xReplay';
import { formatReplayDate, replayWindowProblem } from '../../../shared/replayWindow';
import { readString, webhookIdField, optionsCollection } from '../common';
import { toEpochMs } from './dateInput';

const properties: INodeProperties[] = [
	{ ...webhookIdField, description: 'The X webhook whose events to send again' },
	{
		displayName: 'From',
		name: 'fromDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Start of the range (inclusive, whole minutes). X accepts a time within the last 24 hours and at least 31 minutes ago. Takes a date, an ISO string or a DateTime expression such as {{ $now.minus({ hours: 2 }) }}.',
	},
	{
		displayName: 'To',
		name: 'toDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the range (exclusive, whole minutes), at least 10 minutes ago',
	},
	optionsCollection([
		{
			displayName: 'Skip Local Window Check',
			name: 'skipWindowCheck',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the range to X without checking the documented 24-hour window first, for contracts with a longer replay window. X still decides.',
		},
		{
			displayName: 'Use Legacy Replay Endpoint',
			name: 'useLegacyEndpoint',
			type: 'boolean',
			default: false,
			description:
				'Whether to use the older Account Activity replay path that X retired on 2026-03-25, for enterprise contracts that still have it',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['replay'], operation: ['create'] } },
	properties,
);

/**
 * X answers at once with a job ID; the events arrive on the webhook afterwards and the trigger
 * emits "replay.finished" when the job is done. X runs one job per webhook at a time.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<object> {
	const webhookId = readString.call(this, 'webhookId', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		skipWindowCheck?: boolean;
		useLegacyEndpoint?: boolean;
	};
	const readDate = (name: string, label: string): number => {
		const value = this.getNodeParameter(name, itemIndex, '') as unknown;
		const ms = toEpochMs(value, this.getTimezone());
		if (ms === undefined) {
			throw new NodeOperationError(this.getNode(), `${label} is not a date: “${String(value)}”`, {
				itemIndex,
				description:
					'Use the date picker, an ISO 8601 string like 2026-05-01T10:00:00Z, or an expression such as {{ $now.minus({ hours: 2 }) }}.',
			});
		}
		return ms;
	};
	const fromMs = readDate('fromDate', 'From');
	const toMs = readDate('toDate', 'To');
	const problem = options.skipWindowCheck ? undefined : replayWindowProblem(fromMs, toMs);
	if (problem) {
		throw new NodeOperationError(
			this.getNode(),
			'The replay range is outside the window X accepts',
			{
				itemIndex,
				description: `${problem} Turn on "Skip Local Window Check" if your contract allows a longer window.`,
			},
		);
	}
	const job = await createReplayJob.call(this, {
		webhookId,
		fromMs,
		toMs,
		legacy: options.useLegacyEndpoint === true,
	});
	return {
		...job,
		webhook_id: webhookId,
		from_date: formatReplayDate(fromMs),
		to_date: formatReplayDate(toMs),
	};
}
