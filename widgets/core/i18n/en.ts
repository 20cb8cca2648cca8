/**
 * English strings every widget shares: connection, sign-in, errors, and the
 * glossary's states (SPEC §4). Widgets spread these into their own catalogs.
 * `{x}` is filled in by `t()`.
 */
export const coreEn = {
  'connection.connecting': 'Connecting…',
  'connection.live': 'Live',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': 'Offline',
  'connection.unauthenticated': 'Signed out',
  'connection.staleAsOf': 'data as of {time}',
  'connection.platform.reconnecting': 'Phone system reconnecting since {time}',
  'connection.platform.failed': 'Phone system disconnected since {time}',

  'signIn.title': 'Sign in to Floorview',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.or': 'or',
  'signIn.withProvider': 'Sign in with {provider}',
  'signIn.tokenRefused': 'The Floorview server refused this widget’s token. Ask the portal’s administrator for a new one.',
  'signIn.tokenUnavailable': 'The portal gave this widget no sign-in token. It will ask again; if this goes on, sign in to the portal again.',

  'error.network': 'Could not reach the Floorview server.',
  'error.dismiss': 'Dismiss',

  'state.available': 'Available',
  'state.unavailable': 'Unavailable',
  'state.signed_out': 'Signed out',

  'contactState.idle': 'Idle',
  'contactState.ringing': 'Ringing',
  'contactState.connected': 'Connected',
  'contactState.hold': 'On hold',
  'contactState.wrapup': 'Wrap-up',
  'direction.outbound': 'Outbound',

  'mode.monitor': 'Monitor',
  'mode.coach': 'Coach',
  'mode.barge': 'Barge',

  'dialog.cancel': 'Cancel',
  'dialog.close': 'Close',

  'export.csv': 'Export CSV',
  'export.csvLabel': 'Export CSV: {table}, as shown',
  'export.seconds': '{column} (s)',
} satisfies Record<string, string>;

export type CoreKey = keyof typeof coreEn;
