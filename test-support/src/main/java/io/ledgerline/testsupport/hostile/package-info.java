/** Raw HTTP for hostile requests (broken framing, huge or chunked bodies) and the endpoints a hostile-request suite covers. */
package io.ledgerline.testsupport.hostile;
