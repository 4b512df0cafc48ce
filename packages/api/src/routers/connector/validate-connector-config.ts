import { validateConnectorConfig } from '@ingot/domain';
import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';

/** The configuration editor's live check: issues with key path and line, nothing saved. */
export const validateConnectorConfigProcedure = tenantProcedure
  .meta({ action: 'connector.read' })
  .input(z.strictObject({ config: z.string().max(256 * 1024, 'must be at most 256 KiB') }))
  .query(({ input }) => validateConnectorConfig(input.config));
