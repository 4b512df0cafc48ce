import { appRouter, createCallerFactory } from '@ingot/api';
import { headers } from 'next/headers';
import { createContextFromHeaders } from './create-context.ts';

const createCaller = createCallerFactory(appRouter);

/** The API called in-process from server components and route handlers, as the requesting user. */
export async function serverCaller() {
  return createCaller(await createContextFromHeaders(await headers()));
}
