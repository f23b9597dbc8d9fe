/** Reading LDAP directories and planning reconciliations into Roster's store. */
package dev.roster.sync;
