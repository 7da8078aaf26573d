// deploy/k8s: every manifest against the Kubernetes schemas (kubernetes-models), plus what the
// schemas cannot know: that the probes, port, env and commands are the ones this app has. The
// app itself is built from the manifests' settings (on a temporary SQLite file) and asked the
// probe paths. No cluster needed.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import { buildApp } from '../examples/server/src/app.js';
import { readConfig } from '../examples/server/src/config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const k8sDir = join(root, 'deploy', 'k8s');

// Loose on purpose: the fields are read as the YAML gives them, and the schema checks come first.
type Manifest = Record<string, any>;

interface Loaded {
  file: string;
  doc: Manifest;
}

/** Each kind these files may hold, with the model whose schema checks it and its .d.ts (for unknown fields). */
const models: Record<string, { model: new (data: never) => { validate(): void }; types: string }> = {
  'v1/ConfigMap': { model: ConfigMap, types: 'kubernetes-models/v1/ConfigMap.d.ts' },
  'v1/Secret': { model: Secret, types: 'kubernetes-models/v1/Secret.d.ts' },
  'v1/Service': { model: Service, types: 'kubernetes-models/v1/Service.d.ts' },
  'v1/PersistentVolumeClaim': { model: PersistentVolumeClaim, types: 'kubernetes-models/v1/PersistentVolumeClaim.d.ts' },
  'apps/v1/Deployment': { model: Deployment, types: 'kubernetes-models/apps/v1/Deployment.d.ts' },
  'batch/v1/Job': { model: Job, types: 'kubernetes-models/batch/v1/Job.d.ts' },
  'autoscaling/v2/HorizontalPodAutoscaler': { model: HorizontalPodAutoscaler, types: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler.d.ts' },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget, types: 'kubernetes-models/policy/v1/PodDisruptionBudget.d.ts' },
};

// ---- unknown fields ----------------------------------------------------------------------
// kubernetes-models' validators check types, enums and required fields but let unknown keys
// through, while `kubectl apply` (strict field validation) refuses them: a misspelt
// `readynessProbe` would pass the schema and then fail in the cluster, or worse, be dropped.
// The field names come from the same package's type declarations.

type FieldType = { kind: 'leaf' } | { kind: 'object'; file: string } | { kind: 'array' | 'map'; of: FieldType };
const interfaces = new Map<string, Map<string, FieldType> | null>();

function resolveImport(fromFile: string, spec: string): string {
  const base = spec.startsWith('.') ? resolve(dirname(fromFile), spec) : join(root, 'node_modules', spec);
  return base.replace(/\.js$/, '') + '.d.ts';
}

function fieldType(text: string, imports: Map<string, string>): FieldType {
  const type = text.trim().replace(/;$/, '').trim();
  const array = /^Array<(.+)>$/s.exec(type);
  if (array) return { kind: 'array', of: fieldType(array[1]!, imports) };
  const map = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/s.exec(type);
  if (map) return { kind: 'map', of: fieldType(map[1]!, imports) };
  const file = imports.get(type);
  return file ? { kind: 'object', file } : { kind: 'leaf' };
}

/** The fields of the interface a .d.ts declares; null for a type alias (Quantity, IntOrString: leaves). */
function fieldsOf(file: string): Map<string, FieldType> | null {
  if (interfaces.has(file)) return interfaces.get(file)!;
  const source = readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
  const imports = new Map<string, string>();
  for (const m of source.matchAll(/^import \{([^}]+)\} from "([^"]+)";$/gm)) {
    for (const name of m[1]!.split(',').map((s) => s.trim())) imports.set(name, resolveImport(file, m[2]!));
  }
  const body = /^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}$/m.exec(source)?.[1];
  if (body === undefined) {
    interfaces.set(file, null);
    return null;
  }
  const fields = new Map<string, FieldType>();
  // Each field starts at four spaces of indentation; a type may run over several lines.
  const starts = [...body.matchAll(/^ {4}"([^"]+)"\??: /gm)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : body.length;
    fields.set(m[1]!, fieldType(body.slice(m.index + m[0].length, end), imports));
  });
  interfaces.set(file, fields);
  return fields;
}

/** Paths of keys the Kubernetes type does not have. */
function unknownFields(value: unknown, type: FieldType, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (type.kind === 'array') return Array.isArray(value) ? value.flatMap((v, i) => unknownFields(v, type.of, `${path}[${i}]`)) : [];
  if (type.kind === 'map') return Object.entries(value).flatMap(([k, v]) => unknownFields(v, type.of, `${path}.${k}`));
  if (type.kind !== 'object') return [];
  const fields = fieldsOf(type.file);
  if (!fields) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const field = fields.get(k);
    return field ? unknownFields(v, field, `${path}.${k}`) : [`${path}.${k}`];
  });
}

/** Throws on a schema error or an unknown field: what `kubectl apply` would refuse. */
function checkAgainstKubernetes(doc: Manifest): void {
  const entry = models[`${doc.apiVersion}/${doc.kind}`];
  if (!entry) throw new Error(`no model for ${doc.apiVersion} ${doc.kind}`);
  new entry.model(doc as never).validate();
  const unknown = unknownFields(doc, { kind: 'object', file: join(root, 'node_modules', entry.types) }, doc.kind);
  if (unknown.length > 0) throw new Error(`unknown fields: ${unknown.join(', ')}`);
}

// ---- the files -----------------------------------------------------------------------------

const files = readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort();
const loaded: Loaded[] = [];
let kustomization: Manifest | undefined;
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8'))) {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    const doc = document.toJS() as Manifest | null;
    if (!doc) continue;
    if (doc.kind === 'Kustomization') kustomization = doc;
    else loaded.push({ file, doc });
  }
}
const ofKind = (kind: string): Loaded[] => loaded.filter((l) => l.doc.kind === kind);
const only = (kind: string): Manifest => {
  const found = ofKind(kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!.doc;
};

const deployment = only('Deployment');
const job = only('Job');
const hpa = only('HorizontalPodAutoscaler');
const pdb = only('PodDisruptionBudget');
const service = only('Service');
const configMap = only('ConfigMap');
const secret = only('Secret');
const pvc = only('PersistentVolumeClaim');
const pod = deployment.spec.template.spec as Manifest;
const web = pod.containers[0] as Manifest;
const migrate = job.spec.template.spec.containers[0] as Manifest;
const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;

const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM \S+ AS runtime$/m));
const appSource = (name: string) => readFileSync(join(root, 'examples', 'server', 'src', name), 'utf8');

/** Every environment variable examples/server reads: the keys of config.ts's schema and any direct env access. */
function variablesTheAppReads(): Set<string> {
  const names = new Set<string>();
  const config = appSource('config.ts');
  const schema = /const schema = Joi\.object\(\{([\s\S]*?)\n\}\)/.exec(config)?.[1] ?? '';
  for (const m of schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)) names.add(m[1]!);
  for (const name of readdirSync(join(root, 'examples', 'server', 'src')).filter((f) => f.endsWith('.ts'))) {
    for (const m of appSource(name).matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) names.add((m[1] ?? m[2])!);
  }
  return names;
}

const subset = (small: Record<string, string> | undefined, big: Record<string, string>) =>
  Object.keys(small ?? {}).length > 0 && Object.entries(small ?? {}).every(([k, v]) => big[k] === v);

// ---- tests ---------------------------------------------------------------------------------

t.test('every manifest passes the Kubernetes schemas, with no unknown field', async (t) => {
  t.ok(loaded.length >= 8, `${loaded.length} manifests in deploy/k8s`);
  for (const { file, doc } of loaded) {
    t.doesNotThrow(() => checkAgainstKubernetes(doc), `${file}: ${doc.kind} ${doc.metadata?.name}`);
    t.notOk(doc.metadata?.namespace, `${file}: no namespace, so the set fits any (kubectl -n)`);
  }
});

t.test('the checks can fail: broken copies of the Deployment are refused', async (t) => {
  const copy = () => structuredClone(deployment);
  const wrongType = copy();
  wrongType.spec.replicas = 'two';
  t.throws(() => checkAgainstKubernetes(wrongType), 'a string where an integer belongs');
  const missing = copy();
  delete missing.spec.template.spec.containers[0].name;
  t.throws(() => checkAgainstKubernetes(missing), 'a container without its required name');
  const wrongEnum = copy();
  wrongEnum.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
  t.throws(() => checkAgainstKubernetes(wrongEnum), 'a value outside an enum');
  const typo = copy();
  typo.spec.template.spec.containers[0].readynessProbe = typo.spec.template.spec.containers[0].readinessProbe;
  t.throws(() => checkAgainstKubernetes(typo), /readynessProbe/, 'a misspelt field, deep inside');
  const typoInList = copy();
  typoInList.spec.template.spec.volumes[0].persistentVolumeClaim.claimNam = 'x';
  t.throws(() => checkAgainstKubernetes(typoInList), /volumes\[0\]\.persistentVolumeClaim\.claimNam/, 'a misspelt field in a list item');
  t.doesNotThrow(() => checkAgainstKubernetes(copy()), 'the unbroken copy passes');
});

t.test('kustomization.yaml lists every manifest but the secret template, and sets one image', async (t) => {
  t.ok(kustomization, 'deploy/k8s/kustomization.yaml exists');
  const resources = [...(kustomization?.resources ?? [])].sort();
  const expected = [...new Set(loaded.map((l) => l.file))].filter((f) => !f.includes('example')).sort();
  t.same(resources, expected, 'resources = the manifests');
  t.notOk(resources.some((r: string) => /secret/i.test(r)), 'applying the set never overwrites the real Secret with placeholders');
  const images = (kustomization?.images ?? []) as { name: string }[];
  t.same(images.map((i) => i.name), [web.image], 'the image the Deployment names is the one kustomize rewrites');
  t.equal(migrate.image, web.image, 'the Job runs the same image as the app');
});

t.test('Deployment: replicas, port, probes and command are the app\'s own', async (t) => {
  t.equal(deployment.spec.replicas, 2);
  t.ok(subset(deployment.spec.selector.matchLabels, podLabels), 'the selector matches the pod labels');
  t.equal(pod.containers.length, 1);

  const port = (web.ports as Manifest[]).find((p) => p.name === 'http');
  t.ok(port, 'a port named http');
  t.equal(port?.containerPort, readConfig({}).port, 'containerPort = the app\'s PORT default');
  t.equal(Number(configMap.data.PORT), port?.containerPort, 'and the PORT the ConfigMap sets');
  t.equal(configMap.data.HOST, '0.0.0.0', 'the app listens beyond loopback (its default is 127.0.0.1)');
  t.match(runtimeStage, new RegExp(`^EXPOSE ${port?.containerPort}$`, 'm'), 'the image exposes it');

  // The image's CMD runs, with the node flags the app ships with; it must be exec form with node
  // itself as PID 1, or SIGTERM would not reach the app's drain.
  t.equal(web.command, undefined, 'no command: the image\'s CMD');
  t.equal(web.args, undefined, 'no args either');
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtimeStage)?.[1] ?? 'null') as string[] | null;
  t.equal(cmd?.[0], 'node', 'the CMD is node, in exec form');
  t.equal(cmd?.at(-1), 'examples/server/dist/main.js', 'running the app\'s main');

  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    t.ok([port?.name, port?.containerPort].includes(web[probe]?.httpGet?.port), `${probe} asks the app's port`);
  }
  // Liveness must not depend on the database or Redis (an outage would restart every pod);
  // readiness must (a pod that cannot reach them should get no traffic).
  t.equal(web.livenessProbe.httpGet.path, '/healthz');
  t.equal(web.startupProbe.httpGet.path, '/healthz');
  t.equal(web.readinessProbe.httpGet.path, '/readyz');
  t.ok(web.startupProbe.periodSeconds * web.startupProbe.failureThreshold >= 120, 'start-up (migrations included) gets two minutes or more');
});

t.test('Deployment: non-root, read-only root, writable volumes where the app writes', async (t) => {
  t.equal(pod.securityContext.runAsNonRoot, true);
  // The image's USER is "node" (uid 1000 in the official node images); the kubelet needs the number to check it.
  t.match(runtimeStage, /^USER node$/m);
  t.equal(pod.securityContext.runAsUser, 1000);
  t.equal(web.securityContext.readOnlyRootFilesystem, true);
  t.equal(web.securityContext.allowPrivilegeEscalation, false);
  t.same(web.securityContext.capabilities?.drop, ['ALL']);

  const mounts: Manifest[] = (web.volumeMounts as Manifest[]).map((m) => ({ ...m, volume: (pod.volumes as Manifest[]).find((v) => v.name === m.name) }));
  const mountFor = (dir: string) => mounts.find((m) => dir === m.mountPath || dir.startsWith(`${m.mountPath}/`));
  for (const key of ['MEDIA_DIR', 'MAIL_OUTBOX_DIR']) {
    const dir = configMap.data[key] as string;
    t.ok(dir.startsWith('/'), `${key} is absolute (the working directory is read-only)`);
    t.ok(mountFor(dir)?.volume, `${key} (${dir}) is on a volume`);
    t.notOk(mountFor(dir)?.readOnly, `${key} is writable`);
  }
  const media = mountFor(configMap.data.MEDIA_DIR);
  t.equal(media?.volume?.persistentVolumeClaim?.claimName, pvc.metadata.name, 'media is the shared claim');
  t.same(pvc.spec.accessModes, ['ReadWriteMany'], 'which every replica can write');
  t.ok(mountFor('/tmp'), '/tmp is writable');
});

t.test('Deployment: resources, and a grace period that covers the app\'s shutdown', async (t) => {
  for (const kind of ['requests', 'limits']) {
    t.ok(web.resources?.[kind]?.memory, `memory ${kind}`);
    t.ok(web.resources?.[kind]?.cpu, `cpu ${kind}`);
  }
  const mib = (q: string) => Number(/^(\d+)Mi$/.exec(q)?.[1] ?? /^(\d+)Gi$/.exec(q)?.[1] ?? NaN) * (q.endsWith('Gi') ? 1024 : 1);
  // bench/README.md: peak RSS up to 432 MB (412 MiB) under load today.
  t.ok(mib(web.resources.limits.memory) > 412, 'the memory limit sits above the measured peak RSS');
  t.ok(mib(web.resources.requests.memory) <= mib(web.resources.limits.memory));

  const drain = Number(/server\.stop\(\{ timeout: ([\d_]+) \}\)/.exec(appSource('app.ts'))?.[1]?.replaceAll('_', '') ?? NaN) / 1000;
  t.ok(drain > 0, `the app drains in-flight requests for ${drain} s on SIGTERM`);
  const preStop = web.lifecycle?.preStop?.exec?.command as string[] | undefined;
  t.equal(preStop?.[0], 'sleep', 'preStop waits for endpoints to drop the pod');
  const sleep = Number(preStop?.[1]);
  // After the drain the app closes the pool and the cache and waits up to 5 s for mail in flight.
  t.ok(pod.terminationGracePeriodSeconds >= sleep + drain + 5, `grace ${pod.terminationGracePeriodSeconds} s >= ${sleep} + ${drain} + 5`);
  t.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0, 'rollouts keep full capacity');
});

t.test('env: only variables the app reads, from the ConfigMap and the Secret', async (t) => {
  const reads = variablesTheAppReads();
  for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'PUBLIC_URL', 'NODE_ENV']) t.ok(reads.has(name), `the source scan finds ${name}`);
  t.notOk(reads.has('NOT_A_SETTING'), 'and nothing it should not');

  for (const container of [web, migrate]) {
    const from = (container.envFrom as Manifest[]).map((e) => e.configMapRef?.name ?? e.secretRef?.name);
    t.same(from, [configMap.metadata.name, secret.metadata.name], `${container.name}: env from the ConfigMap and the Secret`);
    t.notOk((container.envFrom as Manifest[]).some((e) => e.prefix), `${container.name}: names unchanged`);
  }
  const set = [
    ...Object.keys(configMap.data),
    ...Object.keys(secret.stringData ?? {}),
    ...Object.keys(secret.data ?? {}),
    ...[web, migrate].flatMap((c) => ((c.env ?? []) as Manifest[]).map((e) => e.name as string)),
  ];
  for (const name of set) t.ok(reads.has(name), `${name} is read by examples/server`);
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'SMTP_URL']) {
    t.ok(name in (secret.stringData ?? {}), `${name} is in the Secret`);
    t.notOk(name in configMap.data, `${name} is not in the ConfigMap`);
  }
  t.ok('DATABASE_REPLICA_URL' in (secret.stringData ?? {}), 'DATABASE_REPLICA_URL is offered (optional) in the Secret');
});

t.test('the app starts from these settings in production and answers the probes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-k8s-'));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  t.teardown(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  // The manifests' values, but local places for what a test cannot reach (the cluster's
  // PostgreSQL, Redis, SMTP, volumes).
  const env: Record<string, string> = { ...configMap.data, ...secret.stringData };
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  delete env.DATABASE_REPLICA_URL;
  Object.assign(env, {
    DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    LOG_LEVEL: 'silent',
  });
  const config = readConfig(env);
  t.equal(config.production, true, 'NODE_ENV=production: SESSION_SECRET and PUBLIC_URL are enforced');
  app = await buildApp(config);
  const routes = app.server.table().filter((r) => r.method === 'get').map((r) => r.path);
  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    const path = web[probe].httpGet.path as string;
    t.ok(routes.includes(path), `${probe}: the app has a GET ${path} route`);
    // The kubelet calls by pod address; ALLOWED_HOSTS must not turn the probe away.
    const response = await app.server.inject({ url: path, headers: { host: `10.1.2.3:${config.port}` } });
    t.equal(response.statusCode, 200, `${probe}: GET ${path} answers 200`);
  }
  t.equal((await app.server.inject({ url: '/healthz', headers: { host: 'elsewhere.example' } })).statusCode, 200, 'probes ignore ALLOWED_HOSTS');
});

t.test('migrations Job: the app\'s migrate command, in the same image and settings', async (t) => {
  const script = JSON.parse(readFileSync(join(root, 'examples', 'server', 'package.json'), 'utf8')).scripts.migrate as string;
  const [bin, entry] = script.split(/\s+/);
  t.same(migrate.command, [bin, `examples/server/${entry}`], `command = examples/server's "migrate" script (${script}) from the image's /app`);
  t.match(runtimeStage, /^WORKDIR \/app$/m);
  t.match(runtimeStage, /^COPY --from=build \/app\/examples\/server\/dist examples\/server\/dist$/m, 'the image holds that file');
  t.ok(['Never', 'OnFailure'].includes(job.spec.template.spec.restartPolicy));
  t.ok(job.spec.backoffLimit >= 1, 'a failed attempt is retried');
  t.equal(job.spec.template.spec.securityContext.runAsNonRoot, true);
  t.equal(migrate.securityContext.readOnlyRootFilesystem, true);
});

t.test('Service, HPA and PDB select the Deployment\'s pods', async (t) => {
  t.ok(subset(service.spec.selector, podLabels), 'the Service selects the pods');
  t.ok([web.ports[0].name, web.ports[0].containerPort].includes(service.spec.ports[0].targetPort), 'the Service forwards to the app port');

  t.same(hpa.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name }, 'the HPA scales the Deployment');
  t.equal(hpa.spec.minReplicas, deployment.spec.replicas, 'minReplicas = the Deployment\'s replicas');
  t.ok(hpa.spec.maxReplicas > hpa.spec.minReplicas);
  const cpu = (hpa.spec.metrics as Manifest[]).find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
  t.equal(cpu?.resource?.target?.type, 'Utilization', 'scales on CPU utilisation');
  t.ok(web.resources.requests.cpu, 'which needs a CPU request');

  t.ok(subset(pdb.spec.selector.matchLabels, podLabels), 'the PDB selects the pods');
  t.same(pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels, 'and exactly the Deployment\'s');
  t.ok(pdb.spec.minAvailable < hpa.spec.minReplicas, 'a drain can always evict one pod');
  const jobLabels = job.spec.template.metadata.labels as Record<string, string>;
  t.notOk(subset(pdb.spec.selector.matchLabels, jobLabels), 'the migration pod is not counted as a web pod');
  t.notOk(subset(service.spec.selector, jobLabels), 'nor sent traffic');
});
