import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * What every `<operation>.operation.ts` exports besides its `description`: one call per input
 * item, answering one output item (an object) or several (an array). Parsed service answers are
 * zod objects, so the router, not each operation, treats them as n8n JSON.
 */
export type OperationResult = object | object[];

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<OperationResult>;

export interface OperationModule {
	execute: OperationExecute;
}

/**
 * Every resource and its operations, as the `resource` / `operation` parameters name them. The router's
 * table is typed by this map (as nodes-base's Airtable v2 does in its `node.type.ts`), so a resource
 * module that lacks a listed operation, or a misspelt name, fails to compile.
 */
export interface XAccountActivityOperations {
	webhook: 'create' | 'getAll' | 'validate' | 'delete';
	subscription: 'subscribe' | 'check' | 'getAll' | 'unsubscribe' | 'count';
	activitySubscription: 'create' | 'getAll' | 'update' | 'delete';
	replay: 'create';
	ayrshareProfile: 'create' | 'getAll' | 'update' | 'delete' | 'generateLink';
	ayrshareWebhook: 'register' | 'unregister' | 'getAll' | 'rotateSecret';
}

export type ResourceName = keyof XAccountActivityOperations;

export type OperationTable = {
	[R in ResourceName]: { [O in XAccountActivityOperations[R]]: OperationModule };
};
