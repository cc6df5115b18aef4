import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ensureN8n } from '../../test/e2e/harness/install';

/**
 * Read-only queries on the benchmark n8n's SQLite database, through the sqlite3 module n8n
 * itself was installed with (no extra dependency): what each execution stores, and whether
 * executions are still running.
 */
interface Sqlite3Database {
	all(
		sql: string,
		params: unknown[],
		callback: (error: Error | null, rows: Array<Record<string, unknown>>) => void,
	): void;
	close(callback?: () => void): void;
}

export interface N8nDatabase {
	/** Bytes stored per execution (execution_data: data + workflowData) of one workflow, and how many executions. */
	bytesPerExecution(
		workflowId: string,
	): Promise<{ executions: number; bytes: number; dataBytes: number; workflowBytes: number }>;
	unfinished(): Promise<number>;
	close(): Promise<void>;
}

export async function openN8nDatabase(version: string, userFolder: string): Promise<N8nDatabase> {
	const requireFromN8n = createRequire(
		join((await ensureN8n(version)).dir, 'node_modules', 'n8n', 'package.json'),
	);
	const sqlite3 = requireFromN8n('sqlite3') as {
		Database: new (file: string, mode: number) => Sqlite3Database;
		OPEN_READONLY: number;
	};
	const db = new sqlite3.Database(
		join(userFolder, '.n8n', 'database.sqlite'),
		sqlite3.OPEN_READONLY,
	);
	const query = async (sql: string, params: unknown[] = []) => {
		for (let attempt = 0; ; attempt++) {
			try {
				return await new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
					db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
				);
			} catch (error) {
				// n8n is writing: a read may find the database locked for a moment.
				if (attempt > 50 || !/SQLITE_BUSY|locked/.test(String(error))) throw error;
				await new Promise((r) => setTimeout(r, 100));
			}
		}
	};
	return {
		async bytesPerExecution(workflowId) {
			const [row] = await query(
				`select count(*) as n, sum(length(d.data)) as data, sum(length(d.workflowData)) as workflow
				 from execution_data d join execution_entity e on e.id = d.executionId where e.workflowId = ?`,
				[workflowId],
			);
			const executions = Number(row.n);
			const dataBytes = Number(row.data ?? 0) / Math.max(1, executions);
			const workflowBytes = Number(row.workflow ?? 0) / Math.max(1, executions);
			return { executions, bytes: dataBytes + workflowBytes, dataBytes, workflowBytes };
		},
		async unfinished() {
			const [row] = await query(
				`select count(*) as n from execution_entity where status in ('new', 'running')`,
			);
			return Number(row.n);
		},
		close: () => new Promise<void>((resolve) => db.close(() => resolve())),
	};
}
