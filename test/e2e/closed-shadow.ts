/**
 * Reads inside the controls' closed shadow roots the way assistive technology does: through
 * the browser's DOM domain with shadow roots pierced (page scripts cannot do this).
 */
import type { Page } from '@playwright/test';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function text(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(text).join('');
}

function attribute(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  const index = list.findIndex((value, i) => i % 2 === 0 && value === name);
  return index >= 0 ? list[index + 1] : undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) yield* walk(child);
}

export interface ControlParts {
  button: string;
  status: string;
}

/** The button label and status text of every control for `userId` on the page. */
export async function controlParts(page: Page, userId: string): Promise<ControlParts[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  await cdp.detach();
  const parts: ControlParts[] = [];
  for (const node of walk(root)) {
    if (attribute(node, 'data-ssa-user') !== userId) continue;
    const shadow = node.shadowRoots?.[0];
    const inner = shadow ? [...walk(shadow)] : [];
    const button = inner.find((n) => n.nodeName === 'BUTTON');
    const status = inner.find((n) => attribute(n, 'role') === 'status');
    parts.push({ button: button ? text(button) : '', status: status ? text(status) : '' });
  }
  return parts;
}
