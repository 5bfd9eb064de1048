// Page-side client for the trusted channel. Transport failures (background not running, no
// listener) come back as {ok:false} like any other error so the UI has one path.
import { browser } from 'wxt/browser';
import { errorInfo, type RequestOf, type RequestType, type Response } from './messages.js';

export type SendRequest = <T extends RequestType>(request: RequestOf<T>) => Promise<Response<T>>;

export const sendRequest: SendRequest = async (request) => {
  try {
    const response: unknown = await browser.runtime.sendMessage(request);
    if (typeof response !== 'object' || response === null || !('ok' in response)) {
      return { ok: false, error: { name: 'MessagingError', message: 'The background did not answer; try again' } };
    }
    return response as never;
  } catch (e) {
    return { ok: false, error: errorInfo(e) };
  }
};
