import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { readUpload } from '../../platform/http/multipart.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { MAX_ASSET_BYTES, type AssetService } from './asset-service.js';
import type { AssetUploadService } from './asset-upload-service.js';

const fileName = z.string().trim().min(1).max(255);

export const assetRoutes: FastifyPluginAsyncZod<{
  assets: AssetService;
  uploads: AssetUploadService;
}> = async (app, { assets, uploads }) => {
  // A direct upload: ask for a plan (a presigned PUT when storage offers one), send the bytes, complete.
  app.post(
    '/api/assets/uploads',
    {
      schema: {
        body: z.object({
          fileName,
          contentType: z.string().trim().toLowerCase().min(1).max(100),
          // The limit itself is the service's (413 PAYLOAD_TOO_LARGE, as on the multipart route).
          size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        }),
      },
    },
    async (request) => ({ upload: await uploads.createUpload(requireActor(request), request.body) }),
  );

  app.post(
    '/api/assets/uploads/complete',
    { schema: { body: z.object({ key: z.string().min(1).max(200), fileName }) } },
    async (request, reply) => {
      const asset = await uploads.completeUpload(requireActor(request), request.body);
      return reply.status(201).send({ asset });
    },
  );

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
