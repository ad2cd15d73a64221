/** Health checks for the orchestrator and the load balancer. */
package org.opendvc.portal.api.operations;
