// The browser entry: hydrates every island the server rendered. Pages without
// islands never load this file.
import { h, hydrate } from 'preact';
import { islands, type IslandName } from './islands/registry.js';

document.documentElement.classList.add('js');

for (const script of document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-island]')) {
  const name = script.dataset.island as IslandName;
  const root = script.previousElementSibling;
  const Component = islands[name];
  if (!Component || !(root instanceof HTMLElement) || root.dataset.islandRoot !== name) continue;
  try {
    hydrate(h(Component as never, JSON.parse(script.textContent ?? '{}')), root);
  } catch (err) {
    // One broken island must not take the others down; the server HTML still works.
    console.error(`island ${name} failed to hydrate`, err);
  }
}
