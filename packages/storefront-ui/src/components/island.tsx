import { createContext, type FunctionComponent } from 'preact';
import { useContext } from 'preact/hooks';
import { islandJson } from '../island-json.js';
import { islands, type IslandName, type IslandProps } from '../islands/registry.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Names of the islands rendered so far in this document; renderPage provides a fresh set per render. */
export const IslandsUsed = createContext<Set<string> | null>(null);

/** Server-renders an island and embeds its props for hydration (the script follows the root, the client pairs them). */
export function Island<N extends IslandName>({ name, props }: { name: N; props: IslandProps[N] }) {
  useContext(IslandsUsed)?.add(name);
  const Component = islands[name] as FunctionComponent<IslandProps[N]>;
  return (
    <>
      <div data-island-root={name}>
        <Component {...props} />
      </div>
      {/* Escaped JSON, never user HTML: the only raw HTML this package writes. */}
      <script type="application/json" data-island={name} dangerouslySetInnerHTML={{ __html: islandJson(props) }} />
    </>
  );
}

/** The client bundle tag, emitted only when an island was rendered above it (renderToString renders in document order). */
export function IslandScript({ ctx }: { ctx: PageContext }) {
  const used = useContext(IslandsUsed);
  if (!used || used.size === 0) return null;
  return <script type="module" src={withBase(ctx.basePath, `/static/${ctx.assets.js}`)} />;
}
