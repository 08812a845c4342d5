// An OpenID Connect provider on 127.0.0.1 for the end-to-end tests: npm's oidc-provider (an
// OpenID-certified implementation), with its development login pages. Its claim names differ from
// Glance's on purpose (tenant, tenants, groups, tenant_roles), so the tests also prove that the
// portal's claim names are configurable.
//   PORT           where it listens
//   PORTAL_ORIGIN  the portal it serves, for the redirect URIs
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 4010);
const portal = process.env.PORTAL_ORIGIN ?? 'http://127.0.0.1:5000';
const issuer = `http://127.0.0.1:${port}`;

const accounts = {
  erin: {
    name: 'Erin External',
    tenant: 'ext-a',
    tenants: ['ext-a', 'ext-b'],
    groups: ['member', 'reader'],
    tenant_roles: ['ext-a=member,reader', 'ext-b=reader'],
  },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'glance-portal-external',
    client_secret: 'test-only-secret',
    redirect_uris: [`${portal}/signin-oidc`],
    post_logout_redirect_uris: [`${portal}/signout-callback-oidc`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }, {
    // A script's client: client-credentials JWT access tokens for the Glance API (audience "glance").
    client_id: 'glance-script',
    client_secret: 'test-only-script-secret',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  }],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    profile: ['name', 'tenant', 'tenants', 'groups', 'tenant_roles'],
  },
  cookies: { keys: ['test-only-cookie-key'] },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Only the script's client asks for API tokens; the portal's sign-in stays plain OpenID Connect.
      defaultResource: (ctx, client) => (client?.clientId === 'glance-script' ? 'urn:glance' : undefined),
      useGrantedResource: () => false,
      // "urn:glance" gets tokens for Glance; any other resource gets tokens for someone else.
      getResourceServerInfo: (ctx, resource) => ({
        scope: 'images',
        audience: resource === 'urn:glance' ? 'glance' : 'another-service',
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
      }),
    },
  },
  scopes: ['openid', 'profile', 'images'],
  extraTokenClaims: async (ctx, token) => token.clientId === 'glance-script'
    ? { tenant: 'ext-script', groups: ['member', 'reader'] }
    : undefined,
  findAccount: async (ctx, id) => accounts[id] && {
    accountId: id,
    claims: async () => ({ sub: id, ...accounts[id] }),
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
