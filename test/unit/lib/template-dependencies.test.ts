import { describe, expect, it } from 'vitest';
import { synthForTest } from './synth-for-test';

type Resources = Record<string, { Type?: string; DependsOn?: string | string[]; Properties?: unknown }>;

/** The resources one resource needs before it: Ref, Fn::GetAtt and DependsOn targets inside the template. */
function dependenciesOf(resources: Resources, id: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const value = node as Record<string, unknown>;
    if (typeof value.Ref === 'string' && value.Ref in resources) found.add(value.Ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && getAtt[0] in resources) found.add(getAtt[0]);
    if (typeof getAtt === 'string') found.add(getAtt.split('.')[0] as string);
    Object.values(value).forEach(visit);
  };
  visit(resources[id]?.Properties);
  const dependsOn = resources[id]?.DependsOn;
  for (const target of Array.isArray(dependsOn) ? dependsOn : dependsOn ? [dependsOn] : []) found.add(target);
  return found;
}

/** One dependency cycle as resource ids (first repeated at the end), or undefined: what CloudFormation rejects. */
function findCycle(resources: Resources): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const walk = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of dependenciesOf(resources, id)) {
      const cycle = walk(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(resources)) {
    const cycle = walk(id);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the template has no dependency cycle (callback URL → distribution → API → function → client id)', () => {
  it('finds a cycle when there is one', () => {
    const resources: Resources = {
      Client: { Properties: { CallbackURLs: [{ 'Fn::GetAtt': ['Distribution', 'DomainName'] }] } },
      Distribution: { Properties: { Origin: { Ref: 'Api' } } },
      Api: { Properties: { Target: { 'Fn::GetAtt': ['Function', 'Arn'] } } },
      Function: { Properties: { Environment: { CLIENT_ID: { Ref: 'Client' } } } },
    };
    expect(findCycle(resources)).toEqual(['Client', 'Distribution', 'Api', 'Function', 'Client']);
  });

  it.each([
    ['the CloudFront domain', {}],
    [
      'a custom domain and federation',
      {
        portalDomainName: 'reports.example-icb.nhs.uk',
        portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f8e1c2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b',
        portalFederation: { type: 'saml', name: 'NHSmail', metadataUrl: 'https://idp.example.org/metadata.xml' },
      },
    ],
  ])('holds with %s', (_name, context) => {
    const { template } = synthForTest(context);
    const resources = template.toJSON().Resources as Resources;
    expect(findCycle(resources)).toBeUndefined();
    // The chain the cycle would run through is really there: the function reads the client id and the portal URL.
    const portalFunction = Object.entries(resources).find(
      ([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith('PortalPortalFunction'),
    );
    const [fnId, fn] = portalFunction ?? [];
    expect(fnId).toBeDefined();
    const variables = JSON.stringify((fn?.Properties as { Environment?: unknown })?.Environment);
    expect(variables).toContain('USER_POOL_CLIENT_ID');
    expect(variables).toContain('PORTAL_BASE_URL');
  });
});
