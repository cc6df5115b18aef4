export { N8N_CACHE_DIR, N8N_NODE_BINARY, N8N_VERSION } from './config';
export { nodeOutput, type N8nExecution } from './executions';
export { N8nApiError } from './http';
export { ensureN8n } from './install';
export {
	ActivationError,
	OWNER,
	startN8n,
	type PublicationStatus,
	type N8nInstance,
	type N8nWorkflow,
	type StartOptions,
	type WorkflowJson,
} from './n8n';
export { packPackage } from './pack';
export { freePort } from './ports';
