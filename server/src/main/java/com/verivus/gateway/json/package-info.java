/**
 * The gateway's one JSON configuration ({@link com.verivus.gateway.json.NodeJson}) and the texts that must
 * match what the Node gateway wrote: JSON.stringify formatting, its string escaping, Date.toISOString.
 */
package com.verivus.gateway.json;
