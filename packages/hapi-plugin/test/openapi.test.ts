import t from 'tap';
import { json } from './support/api.js';
import { serverVariants } from './support/server.js';

type Operation = {
  summary: string;
  operationId: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: object }>;
  requestBody?: { content: Record<string, { schema: { type?: string; properties?: Record<string, unknown>; required?: string[] } }> };
  security?: unknown[];
};

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const response = await server.inject('/api/v1/openapi.json');
    const doc = json(response) as { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };

    t.test('GET /api/v1/openapi.json is an OpenAPI 3 document, public and JSON', async (t) => {
      t.equal(response.statusCode, 200);
      t.match(response.headers['content-type'], /^application\/json/);
      t.match(doc.openapi, /^3\.\d+\.\d+$/);
      t.type(doc.info.title, 'string');
      t.type(doc.info.version, 'string');
      t.match(doc.components.securitySchemes, { bearerAuth: { type: 'http', scheme: 'bearer' }, cookieAuth: { type: 'apiKey', in: 'cookie', name: 'dukaan_session' } });
      t.same(json(await server.inject('/api/v1/openapi.json')), doc, 'the same document every time');
    });

    t.test('every /api/v1 route of the server appears with its method', async (t) => {
      const routes = server.table().filter((route) => route.path.startsWith('/api/v1/') && route.path !== '/api/v1/openapi.json' && route.method !== '*');
      t.ok(routes.length >= 20, `${routes.length} routes`);
      for (const route of routes) {
        const operation = doc.paths[route.path]?.[route.method];
        t.ok(operation, `${route.method.toUpperCase()} ${route.path}`);
        if (!operation) continue;
        t.ok(operation.summary.length > 0, 'with a summary');
        t.equal(Boolean(operation.security), Boolean(route.settings.auth), 'secured exactly when the route needs auth');
        for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
          t.ok(operation.parameters.some((p) => p.in === 'path' && p.required && `{${p.name}}` === name), `path parameter ${name}`);
        }
      }
      const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
      t.same(documented.filter((d) => d !== 'get /api/v1/openapi.json').sort(), routes.map((route) => `${route.method} ${route.path}`).sort(), 'and nothing else');
      t.ok(documented.every((d) => /^(get|post|patch|put|delete) /.test(d)), 'methods are lowercase, as OpenAPI wants');
    });

    t.test('request bodies carry their schemas, with properties and required fields', async (t) => {
      const bodies = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).filter(([, op]) => op.requestBody).map(([method, op]) => ({ at: `${method} ${path}`, content: op.requestBody!.content })),
      );
      t.ok(bodies.length >= 12, `${bodies.length} bodies`);
      for (const { at, content } of bodies) {
        const [type, media] = Object.entries(content)[0] ?? [];
        t.ok(type === 'application/json' || type === 'multipart/form-data', `${at}: ${type}`);
        t.ok(media && Object.keys(media.schema.properties ?? {}).length > 0, `${at}: has properties`);
      }
      const product = doc.paths['/api/v1/products']!.post!.requestBody!.content['application/json']!.schema;
      // The price is required for a product without options only (a product with options prices each variant).
      t.same([...(product.required ?? [])].sort(), ['name']);
      t.ok(product.properties?.compareAtPrice && product.properties?.categoryId && product.properties?.options && product.properties?.variants);
      const order = doc.paths['/api/v1/stores/{slug}/orders']!.post!;
      const customer = order.requestBody!.content['application/json']!.schema.properties?.customer as { properties?: Record<string, unknown> };
      t.same(Object.keys(customer.properties ?? {}).sort(), ['address', 'city', 'email', 'house', 'landmark', 'name', 'phone', 'pincode', 'state', 'street'], 'nested objects are described');
      t.ok(order.parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key'), 'the Idempotency-Key header is documented');
      const upload = doc.paths['/api/v1/products/{id}/images']!.post!.requestBody!.content['multipart/form-data']!.schema;
      t.match(upload.properties, { file: { type: 'string', format: 'binary' } });
      const list = doc.paths['/api/v1/products']!.get!;
      t.same(list.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort(), ['active', 'categoryId', 'cursor', 'limit', 'q']);
    });
  });
}
