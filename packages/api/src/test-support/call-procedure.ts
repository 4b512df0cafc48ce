import { getErrorShape, TRPCError } from '@trpc/server';
import { appRouter } from '../root.ts';
import { procedureAt, type TCaller } from './demo-callers.ts';

type TProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };

/** Every procedure of the app router by dotted path, read from the router itself (new ones show up here). */
export function allProcedures(): Array<{ path: string; type: string; takesInput: boolean }> {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, TProcedureDef> }).procedures;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type, takesInput: p._def.inputs.length > 0 }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export type TOutcome =
  | { ok: true; data: unknown }
  | { ok: false; code: string; message: string; shape: unknown; error: TRPCError };

/** Calls a procedure as `caller` and returns its result, or the error as the client would see it (formatted). */
export async function callProcedure(caller: TCaller, path: string, input: unknown): Promise<TOutcome> {
  try {
    return { ok: true, data: await procedureAt(caller, path)(input) };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const type = allProcedures().find((p) => p.path === path)?.type ?? 'unknown';
    const shape = getErrorShape({
      config: appRouter._def._config,
      error: e,
      type: type as 'query' | 'mutation',
      path,
      input,
      ctx: undefined,
    });
    return { ok: false, code: e.code, message: shape.message, shape, error: e };
  }
}
