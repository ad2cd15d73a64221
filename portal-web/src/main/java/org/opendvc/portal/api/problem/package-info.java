/** RFC 9457 problem details and the mappers that turn every failure into one. */
package org.opendvc.portal.api.problem;
