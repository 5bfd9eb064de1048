// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice WAD (1e18) fixed-point helpers with the same rounding directions EigenLayer's SlashingLib uses.
/// @dev Plain checked multiplication is enough here: shares are capped at 1e38 and magnitudes at 1e18,
///      so products stay far below 2^256 (no need for full-precision mulDiv).
library WadMath {
    uint256 internal constant WAD = 1e18;

    function mulWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return (x * y) / WAD;
    }

    function mulWadUp(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivUp(x, y, WAD);
    }

    function divWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return (x * WAD) / y;
    }

    function mulDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        uint256 p = x * y;
        return p == 0 ? 0 : (p - 1) / d + 1;
    }
}
