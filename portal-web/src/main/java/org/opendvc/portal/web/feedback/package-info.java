/** Feedback pages: the public form and published answers, and the agency's inbox. */
package org.opendvc.portal.web.feedback;
