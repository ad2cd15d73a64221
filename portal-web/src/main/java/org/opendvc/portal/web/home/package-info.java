/**
 * The home page: the search box and how many procedures are offered at each level and tier, each
 * count a link into the search. Depends on {@code catalogue} and {@code web.shared}.
 */
package org.opendvc.portal.web.home;
