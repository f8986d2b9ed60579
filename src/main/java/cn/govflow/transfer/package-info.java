/**
 * Material transfer of 委托基层收件 (R3, R19, R21): the city department confirms that the paper materials a district
 * hall sent through the unified courier platform have arrived, which lets the case go on to acceptance or review.
 */
package cn.govflow.transfer;
