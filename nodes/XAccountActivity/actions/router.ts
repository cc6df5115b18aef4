import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError } from '../../shared/transport/nodeError';
import * as activitySubscription from './activitySubscription';
import * as ayrshareProfile from './ayrshareProfile';
import * as ayrshareWebhook from './ayrshareWebhook';
import * as replay from './replay';
import * as subscription from './subscription';
import type { OperationModule, OperationTable } from './node.type';
import * as webhook from './webhook';

/** Adding a resource is one folder, one line in `node.type.ts` and one line here. */
const RESOURCES: OperationTable = {
	webhook,
	subscription,
	activitySubscription,
	replay,
	ayrshareProfile,
	ayrshareWebhook,
};

function findOperation(
	this: IExecuteFunctions,
	resource: string,
	operation: string,
): OperationModule {
	const operations: Record<string, OperationModule | undefined> | undefined =
		Object.prototype.hasOwnProperty.call(RESOURCES, resource)
			? RESOURCES[resource as keyof OperationTable]
			: undefined;
	const candidate =
		operations && Object.prototype.hasOwnProperty.call(operations, operation)
			? operations[operation]
			: undefined;
	if (typeof candidate?.execute === 'function') return candidate;
	throw new NodeOperationError(
		this.getNode(),
		`The operation "${operation}" is not supported for "${resource}"`,
	);
}

/** What Continue On Fail puts on the item: the user-facing message and advice, never request details. */
function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}),
	};
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = findOperation.call(this, resource, operation);
	const returnData: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(
					this.helpers.returnJsonArray(result as IDataObject | IDataObject[]),
					{ itemData: { item: itemIndex } },
				),
			);
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught);
			if (this.continueOnFail()) {
				returnData.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
				continue;
			}
			error.context.itemIndex = itemIndex;
			throw error;
		}
	}
	return [returnData];
}
