/** Feedback and complaints: sending, following, the agency's handling, publication. */
package org.opendvc.portal.api.feedback;
