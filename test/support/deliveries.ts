import { ApproveDeliveryDocument, SubmitDeliveryDocument, type DeliverableInput } from '../generated/graphql';
import type { Party } from './factories';
import type { TestApp } from './test-app';

/**
 * Submits the items as the model's agency and approves each as the model: what a twin job must have before its
 * completion pays for anything. Returns the delivery ids.
 */
export async function approveDeliveries(app: TestApp, parties: { agency: Party; model: Party }, bookingId: string, items: DeliverableInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items) {
    const submitted = (await app.gql(SubmitDeliveryDocument, { input: { bookingId, ...item, assetReference: `assets/${bookingId}/${item.kind}` } }, parties.agency.token)).submitDelivery;
    expect(submitted.userErrors).toEqual([]);
    const approved = (await app.gql(ApproveDeliveryDocument, { id: submitted.delivery!.id }, parties.model.token)).approveDelivery;
    expect(approved.userErrors).toEqual([]);
    ids.push(submitted.delivery!.id);
  }
  return ids;
}
