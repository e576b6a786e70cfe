import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { readUpload } from '../../platform/http/multipart.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { MAX_ASSET_BYTES, type AssetService } from './asset-service.js';

export const assetRoutes: FastifyPluginAsyncZod<{ assets: AssetService }> = async (app, { assets }) => {
  app.post('/api/assets', async (request, reply) => {
    const asset = await assets.uploadAsset(requireActor(request), async () => {
      const file = (await readUpload(request, { limitBytes: MAX_ASSET_BYTES })).files.get('file');
      if (!file)
        throw new AppError('VALIDATION_FAILED', 'Attach an image in the field "file".', {
          fields: [{ path: 'file', message: 'Required.' }],
        });
      return { body: file.body, originalName: file.fileName, declaredType: file.mimetype };
    });
    return reply.status(201).send({ asset });
  });

  app.get('/api/assets/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async (request, reply) => {
    const asset = await assets.readAsset(requireActor(request), request.params.id);
    return (
      reply
        .type(asset.contentType)
        .header('content-length', asset.size)
        // Served as exactly the sniffed type; private because it needs the institute's session.
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('content-disposition', 'inline')
        .send(asset.body)
    );
  });
};
