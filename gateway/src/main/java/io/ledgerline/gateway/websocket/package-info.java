/** The relay of the query side's GraphQL WebSocket: the servlet gateway proxies HTTP only, so each socket is relayed frame by frame. */
package io.ledgerline.gateway.websocket;
