/**
 * Courier hand-off (统一物流平台, R10, R21): books shipments for paper results, returned and paper materials,
 * tracks them, and correlates delivery events; plus the built-in courier desk that plays the platform.
 */
package cn.govflow.courier;
