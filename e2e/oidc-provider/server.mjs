// A real OpenID Connect provider for the end-to-end tests, on loopback only.
//
// Settings (environment):
//   OIDC_PORT                        port to listen on (0 or unset: a free one); the issuer is http://127.0.0.1:<port>
//   OIDC_CLIENT_ID / OIDC_CLIENT_SECRET   the portal's static client (defaults: ssp-portal / ssp-portal-secret)
//   OIDC_REDIRECT_URIS               comma-separated redirect URIs of the portal client
//   OIDC_POST_LOGOUT_REDIRECT_URIS   comma-separated post-logout redirect URIs of the portal client
//   OIDC_USERS_FILE                  optional JSON file: [{ "login", "password", "claims": { ... } }] replacing the built-in users
//   OIDC_API_AUDIENCE, OIDC_API_SCOPES, OIDC_API_CLIENT_ID, OIDC_API_CLIENT_SECRET
//                                    optional: a client-credentials client that gets JWT access tokens for that audience
//
// Prints "OIDC_PROVIDER_READY <issuer>" on stdout once it accepts requests.
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import Provider from 'oidc-provider';

const env = process.env;
const list = (value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const DefaultPassword = 'Passw0rd!';

const builtInUsers = [
  { login: 'admin@acme', claims: { name: 'Ada Admin', ssp_tenant: 'acme', roles: ['Admin'] } },
  { login: 'editor@acme', claims: { name: 'Eddie Editor', ssp_tenant: 'acme', roles: ['Editor'] } },
  { login: 'viewer@acme', claims: { name: 'Vera Viewer', ssp_tenant: 'acme', roles: ['Viewer'] } },
  { login: 'admin@globex', claims: { name: 'Gloria Admin', ssp_tenant: 'globex', roles: ['Admin'] } },
  { login: 'norole@acme', claims: { name: 'Nora Norole', ssp_tenant: 'acme', roles: [] } },
  { login: 'stranger@nowhere', claims: { name: 'Sam Stranger', ssp_tenant: 'nowhere', roles: ['Admin'] } },
].map((u) => ({ password: DefaultPassword, ...u }));

const users = env.OIDC_USERS_FILE ? JSON.parse(fs.readFileSync(env.OIDC_USERS_FILE, 'utf8')) : builtInUsers;
const usersByLogin = new Map(users.map((u) => [u.login, u]));
const subjectOf = (login) => `user-${crypto.createHash('sha256').update(login).digest('hex').slice(0, 16)}`;
const usersBySubject = new Map(users.map((u) => [subjectOf(u.login), u]));

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(env.OIDC_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };

const clients = [
  {
    client_id: env.OIDC_CLIENT_ID ?? 'ssp-portal',
    client_secret: env.OIDC_CLIENT_SECRET ?? 'ssp-portal-secret',
    client_name: 'SspPortal',
    redirect_uris: list(env.OIDC_REDIRECT_URIS),
    post_logout_redirect_uris: list(env.OIDC_POST_LOGOUT_REDIRECT_URIS),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
];

const apiAudience = env.OIDC_API_AUDIENCE;
const apiScopes = list((env.OIDC_API_SCOPES ?? '').replaceAll(' ', ','));
if (apiAudience) {
  clients.push({
    client_id: env.OIDC_API_CLIENT_ID ?? 'ssp-api-client',
    client_secret: env.OIDC_API_CLIENT_SECRET ?? 'ssp-api-client-secret',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_post',
  });
}

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'offline_access', 'profile', 'email', ...apiScopes],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'ssp_tenant', 'roles', 'tid'],
    email: ['email', 'email_verified'],
  },
  async findAccount(_ctx, sub) {
    const user = usersBySubject.get(sub);
    if (!user) {
      return undefined;
    }
    return {
      accountId: sub,
      async claims() {
        return { sub, preferred_username: user.login, email: user.login, email_verified: true, ...user.claims };
      },
    };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    clientCredentials: { enabled: Boolean(apiAudience) },
    resourceIndicators: {
      enabled: Boolean(apiAudience),
      defaultResource: () => apiAudience,
      getResourceServerInfo: () => ({ scope: apiScopes.join(' '), audience: apiAudience, accessTokenFormat: 'jwt' }),
      useGrantedResource: () => true,
    },
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<h1>Sign-in error</h1><pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
  },
});

const callback = provider.callback();
server.on('request', (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
  if (!match) {
    callback(req, res);
    return;
  }
  handleInteraction(req, res, match[2] === '/login').catch((error) => {
    res.statusCode = 500;
    res.setHeader('content-type', 'text/plain');
    res.end(String(error));
  });
});

async function handleInteraction(req, res, isLoginSubmit) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;

  if (prompt.name === 'consent') {
    // A first-party client: consent is granted without asking.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) {
      grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    }
    if (prompt.details.missingOIDCClaims) {
      grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    }
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (isLoginSubmit && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const login = form.get('login') ?? '';
    const user = usersByLogin.get(login);
    if (user && form.get('password') === user.password) {
      await provider.interactionFinished(req, res, { login: { accountId: subjectOf(login) } }, { mergeWithLastSubmission: false });
      return;
    }
    sendHtml(res, loginPage(details.uid, login, 'Unknown user or wrong password.'));
    return;
  }

  sendHtml(res, loginPage(details.uid, params.login_hint ?? '', null));
}

function loginPage(uid, login, error) {
  const alert = error ? `<p role="alert" class="error">${escape(error)}</p>` : '';
  return page(
    'Sign in to the test provider',
    `<h1>Test identity provider</h1>
    <p>Sign in with one of the test users.</p>
    ${alert}
    <form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
      <label for="login">Email</label>
      <input id="login" name="login" type="text" required value="${escape(login)}" autofocus>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" required>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function logoutSource(ctx, form) {
  ctx.body = page(
    'Sign out',
    `<h1>Sign out of the test identity provider?</h1>
    ${form}
    <button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
    <button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

function postLogoutSuccessSource(ctx) {
  ctx.body = page('Signed out', '<h1>You are signed out of the test identity provider.</h1>');
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:26rem;margin:3rem auto}label,input,button{display:block;margin:.4rem 0;width:100%}
input,button{padding:.5rem;font-size:1rem}.error{color:#a00000}</style></head><body><main>${body}</main></body></html>`;
}

function sendHtml(res, html) {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

console.log(`OIDC_PROVIDER_READY ${issuer}`);
