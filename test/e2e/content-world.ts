/**
 * Runs code in the content script's isolated world of a page, through CDP: the world a
 * compromised renderer speaking as the content script would have.
 */
import type { Page } from '@playwright/test';

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

export async function evaluateInContentWorld<T>(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    contexts.push(context);
  });
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world: ContextDescription | undefined;
  while (!world && Date.now() < deadline) {
    world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!world) throw new Error('The content script world was not found on this page.');
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (result.exceptionDetails) {
    throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  }
  return result.result.value;
}
