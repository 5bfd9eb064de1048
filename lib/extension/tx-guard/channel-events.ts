// Event names of the bridge transport: CustomEvents whose detail is the JSON text, dispatched on the
// injected <script> element, which leaves the DOM right after insertion (page scripts hold no
// reference to it). The channel is not what is trusted: the MAC with the per-page secret is.
export const TO_CONTENT_EVENT = 'rc-tx-guard:to-content';
export const TO_MAIN_EVENT = 'rc-tx-guard:to-main';
