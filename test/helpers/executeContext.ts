import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';

import { fakeContext } from './n8nContext';

/**
 * A fake IExecuteFunctions for action-node unit tests, on top of {@link fakeContext} (so HTTP
 * goes through the real credential classes to the emulator). Parameters are one object for all
 * items, or one object per input item; expressions are not evaluated.
 */
export interface ExecuteContextOptions {
	parameters: Record<string, unknown> | Array<Record<string, unknown>>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	timezone?: string;
}

export function fakeExecuteContext(options: ExecuteContextOptions): IExecuteFunctions {
	const perItem = Array.isArray(options.parameters) ? options.parameters : undefined;
	const items = options.items ?? (perItem ?? [{}]).map(() => ({ json: {} }));
	const parametersOf = (itemIndex: number) =>
		perItem ? perItem[itemIndex] : (options.parameters as Record<string, unknown>);
	const base = fakeContext({ credentials: options.credentials });
	const context = {
		...base,
		getNode: () => ({
			...base.getNode(),
			name: 'X Account Activity',
			type: 'n8n-nodes-x-account-activity.xAccountActivity',
		}),
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail === true,
		getTimezone: () => options.timezone ?? 'UTC',
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const parameters = parametersOf(itemIndex) ?? {};
			return name in parameters ? parameters[name] : fallback;
		},
		helpers: {
			...base.helpers,
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (
				data: INodeExecutionData[],
				meta: { itemData: IPairedItemData },
			) => data.map((entry) => ({ ...entry, pairedItem: meta.itemData })),
		},
	};
	return context as unknown as IExecuteFunctions;
}
