import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * What every `<operation>.operation.ts` exports besides its `description`: one call per input
 * item, answering one output item (an object) or several (an array). Parsed service answers are
 * zod objects, so the router, not each operation, treats them as n8n JSON.
 */
export type OperationResult = object | object[];

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

export interface OperationModule {
	execute: OperationExecute;
}
