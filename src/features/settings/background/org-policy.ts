/**
 * The organization's policy, from managed storage. No policy, a browser without the area, or
 * one that throws (Firefox does when no policies.json names this extension) is no policy:
 * everything then works as the admin's own preferences say.
 */
import browser from '../../../core/browser';
import { normaliseOrgPolicy, type OrgPolicy } from '../org-policy';

export async function getOrgPolicy(): Promise<OrgPolicy> {
  try {
    const managed = browser.storage?.managed;
    if (!managed) return {};
    return normaliseOrgPolicy(await managed.get());
  } catch {
    return {};
  }
}
