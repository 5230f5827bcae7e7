/**
 * The modes of the gateway's own state on disk: directories only the user may enter (0700). Files are
 * created 0600 where they are written (job store, recorder, sessions, approvals, generated configs).
 */
package com.verivus.gateway.files;
