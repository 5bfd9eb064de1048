// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IKarakAsset} from "./KarakTypes.sol";

/// @notice Karak V1 vault (one per asset), owned by the VaultSupervisor: only the supervisor deposits
///         (pulling the asset from the depositor, minting shares to itself) and redeems. Same virtual-
///         share math as the V2 vault. No slashing exists in V1.
contract KarakVaultV1 {
    address public immutable owner;
    address public immutable asset;
    uint8 public immutable decimals;
    string public name;
    string public symbol;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 amount);
    event Approval(address indexed owner, address indexed spender, uint256 amount);

    error NotOwner();
    error InsufficientBalance();
    error InsufficientAllowance();
    error TransferFailed();

    constructor(address asset_, string memory name_, string memory symbol_) {
        owner = msg.sender;
        asset = asset_;
        decimals = IKarakAsset(asset_).decimals();
        name = name_;
        symbol = symbol_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    function totalAssets() public view returns (uint256) {
        return IKarakAsset(asset).balanceOf(address(this));
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return (assets * (totalSupply + 1)) / (totalAssets() + 1);
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return (shares * (totalAssets() + 1)) / (totalSupply + 1);
    }

    function deposit(uint256 assets, address depositor) external onlyOwner returns (uint256 shares) {
        shares = convertToShares(assets);
        if (!IKarakAsset(asset).transferFrom(depositor, address(this), assets)) revert TransferFailed();
        totalSupply += shares;
        balanceOf[owner] += shares;
        emit Transfer(address(0), owner, shares);
    }

    function redeem(uint256 shares, address receiver) external onlyOwner returns (uint256 assets) {
        assets = convertToAssets(shares);
        if (balanceOf[owner] < shares) revert InsufficientBalance();
        balanceOf[owner] -= shares;
        totalSupply -= shares;
        emit Transfer(owner, address(0), shares);
        if (!IKarakAsset(asset).transfer(receiver, assets)) revert TransferFailed();
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 a = allowance[from][msg.sender];
        if (a != type(uint256).max) {
            if (a < amount) revert InsufficientAllowance();
            allowance[from][msg.sender] = a - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        if (balanceOf[from] < amount) revert InsufficientBalance();
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
