// Wiring only: the page gets the granted host patterns and the permission prompt as props.
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options-app.js';
import { grantedHostPatterns } from '../../lib/extension/plan-host-permissions.js';
import { sendRequest } from '../../lib/extension/send-request.js';
import '../../components/base.css';
import './options.css';

const granted = grantedHostPatterns(browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: unknown[] });
const requestOrigins = (origins: string[]) => browser.permissions.request({ origins });

createRoot(document.getElementById('root')!).render(<OptionsApp send={sendRequest} grantedPatterns={granted} requestOrigins={requestOrigins} />);
