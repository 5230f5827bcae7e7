/** JSON written exactly as the Node gateway wrote it (JSON.stringify formatting). */
package com.verivus.gateway.json;
