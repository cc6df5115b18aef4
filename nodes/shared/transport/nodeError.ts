import { type INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Errors from this package's own calls are already user-facing; anything else gets wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}
